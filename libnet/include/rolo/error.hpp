#pragma once
// The one exception type rolo throws for a failed operation (bad input, not
// found, conflict). It carries a message fit for the user; main prints it as
// "rolo: error: <message>" and exits 1.
#include <stdexcept>
#include <string>

namespace rolo {

struct Error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

}  // namespace rolo
