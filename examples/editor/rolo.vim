" rolo in vim: insert a drafted message at the cursor, or lint the buffer.
"   :RoloDraft hello 42      inserts `rolo draft hello 42` below the cursor
"   :RoloCheck connect 42    lints the buffer as a connect note to #42 (warnings in the message area)
command! -nargs=+ RoloDraft execute 'read !rolo draft ' . <q-args>
command! -nargs=* RoloCheck execute 'write !rolo draft ' . <q-args> . ' --check -'
