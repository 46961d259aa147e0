;; `text_cmp`: Symbols by text.
;;! function text_cmp
;;! | REL p
;;! | FACT p 1.5 a
;;! | FACT p 2 b
;;! | FACT p zz 1
;;! | QUERY p ? ?
(func $text_cmp (param i32 i32 i32 i32) (result i32)
  (local i32 i32 i32 i32)
  global.get 13
  local.get 0
  i32.const 8
  i32.mul
  i32.add
  local.tee 4
  i32.load offset=4
  local.set 5
  local.get 4
  i32.load
  local.set 4
  global.get 13
  local.get 1
  i32.const 8
  i32.mul
  i32.add
  local.tee 6
  i32.load offset=4
  local.set 7
  local.get 6
  i32.load
  local.set 6
  local.get 4
  local.get 5
  local.get 6
  local.get 7
  call $cmp_bytes
)
