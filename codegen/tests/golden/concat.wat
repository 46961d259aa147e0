;; `concat`: two Symbols' texts as a Symbol.
;;! function concat
;;! | RESULT 1 + 2
(func $concat (param i32 i32 i32 i32) (result i32)
  (local i32 i32 i32 i32 i32 i32 i32 i32)
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
  local.get 5
  local.get 7
  i32.add
  i32.const 0
  i32.const 0
  i32.const 0
  call $alloc
  local.tee 8
  global.get 0
  local.set 9
  local.get 4
  local.get 5
  memory.copy
  local.get 8
  local.get 5
  i32.add
  local.get 6
  local.get 7
  memory.copy
  global.get 14
  local.set 10
  local.get 8
  local.get 5
  local.get 7
  i32.add
  i32.const 0
  i32.const 0
  call $intern
  local.tee 11
  local.get 10
  i32.lt_u
  global.get 0
  local.get 9
  i32.eq
  i32.and
  if ;; label = @1
    local.get 8
    global.set 0
  end
  local.get 11
)
