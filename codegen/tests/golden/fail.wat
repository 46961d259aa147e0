;; `fail`: fills the error slot and traps.
;;! function fail
;;! | RESULT 1 + 2
(func $fail (param i32 i32 i32 i32 i64 i32 i64)
  i32.const 0
  local.get 0
  i32.store offset=16
  i32.const 0
  local.get 1
  i32.const 8
  i32.mul
  i32.load offset=752
  i32.store offset=20
  i32.const 0
  local.get 1
  i32.const 8
  i32.mul
  i32.load offset=756
  i32.store offset=24
  i32.const 0
  local.get 1
  i32.store offset=28
  i32.const 0
  local.get 2
  i32.store offset=32
  i32.const 0
  local.get 3
  i32.store offset=40
  i32.const 0
  local.get 4
  i64.store offset=48
  i32.const 0
  local.get 5
  i32.store offset=56
  i32.const 0
  local.get 6
  i64.store offset=64
  unreachable
)
