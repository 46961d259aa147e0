;; `out_result`: a RESULT record.
;;! function out_result
;;! | RESULT 1 + 2
(func $out_result (param i32 i64)
  (local i32)
  i32.const 32
  i32.const 0
  i32.const 0
  i32.const 0
  call $alloc
  local.tee 2
  i32.const 0
  i32.store
  local.get 2
  local.get 0
  i32.store offset=16
  local.get 2
  local.get 1
  i64.store offset=24
  local.get 2
  i32.const 0
  i32.const 0
  i32.const 0
  call $out_push
)
