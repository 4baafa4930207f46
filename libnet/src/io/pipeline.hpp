#pragma once
// Reading on one thread while the calling thread writes: for a large import
// the CSV parsing and the SQLite inserts take about as long each, and the
// database connection stays on the thread that opened it.
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

namespace rolo {

namespace pipeline_detail {

// Batches from the reading thread to the writing one; at most `capacity`
// wait, so a reader that runs ahead holds a few batches in memory, not the file.
template <typename T>
class Handoff {
public:
    explicit Handoff(std::size_t capacity) : capacity_(capacity) {}

    // False once the writer has given up: the reader should stop.
    bool push(std::vector<T>&& batch) {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return abandoned_ || batches_.size() < capacity_; });
        if (abandoned_) return false;
        batches_.push_back(std::move(batch));
        changed_.notify_all();
        return true;
    }
    // nullopt once the reader has closed and every batch was taken.
    std::optional<std::vector<T>> pop() {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return closed_ || !batches_.empty(); });
        if (batches_.empty()) return std::nullopt;
        std::vector<T> batch = std::move(batches_.front());
        batches_.pop_front();
        changed_.notify_all();
        return batch;
    }
    void close() { set(closed_); }
    void abandon() { set(abandoned_); }

private:
    void set(bool& flag) {
        std::lock_guard lock(mutex_);
        flag = true;
        changed_.notify_all();
    }

    std::size_t capacity_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<std::vector<T>> batches_;
    bool closed_ = false, abandoned_ = false;
};

struct Abandoned {};  // not an Error: nothing on the reader's side may catch it

}  // namespace pipeline_detail

// Runs produce(emit) on a thread of its own; each emit(T&&) reaches
// consume(T&) here, in order. An exception from either side stops both and
// is rethrown here: the first in that order, so the same one as without a
// thread. `produce` must touch nothing `consume` changes.
template <typename T, typename Produce, typename Consume>
void pipelined(Produce&& produce, Consume&& consume) {
    constexpr std::size_t batch_size = 1024, batches_waiting = 4;
    pipeline_detail::Handoff<T> handoff(batches_waiting);
    std::exception_ptr failure;
    std::thread reader([&] {
        std::vector<T> batch;
        try {
            produce([&](T&& item) {
                batch.push_back(std::move(item));
                if (batch.size() == batch_size && !handoff.push(std::exchange(batch, {})))
                    throw pipeline_detail::Abandoned{};
            });
            if (!batch.empty()) handoff.push(std::move(batch));
        } catch (const pipeline_detail::Abandoned&) {
        } catch (...) {
            failure = std::current_exception();
        }
        handoff.close();
    });
    try {
        while (auto batch = handoff.pop())
            for (auto& item : *batch) consume(item);
    } catch (...) {
        // What failed here was emitted before anything the reader failed on.
        handoff.abandon();
        reader.join();
        throw;
    }
    reader.join();
    if (failure) std::rethrow_exception(failure);
}

}  // namespace rolo
