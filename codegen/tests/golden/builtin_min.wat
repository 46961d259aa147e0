;; `builtin:min` (and `max`) through `order`.
;;! function builtin:min
;;! | RESULT MIN(1, 2)
(func $builtin:min (param i32 i64 i32 i64 i32) (result i32 i64)
  (local i32)
  local.get 0
  local.get 1
  local.get 2
  local.get 3
  local.get 4
  i32.const 33
  call $order
  local.set 5
  local.get 2
  local.get 0
  local.get 5
  i32.const 0
  i32.gt_s
  select
  local.get 3
  local.get 1
  local.get 5
  i32.const 0
  i32.gt_s
  select
)
