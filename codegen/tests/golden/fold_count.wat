;; `fold:count`: the group's steps at once, then its size.
;;! function fold:count
;;! | REL p
;;! | FACT p 1 2
;;! | RESULT COUNT(QUERY p 1 ?)
(func $fold:count (param i32 i32 i32 i32 i32) (result i32 i64)
  (local i32)
  global.get 2
  global.get 1
  i64.sub
  local.get 2
  i64.extend_i32_u
  i64.lt_u
  if ;; label = @1
    global.get 2
    i64.const 1
    i64.add
    global.set 1
    i32.const 401
    local.get 4
    i32.const 0
    i32.const 0
    i64.const 0
    i32.const 0
    i64.const 0
    call $fail
    unreachable
  end
  global.get 1
  local.get 2
  i64.extend_i32_u
  i64.add
  global.set 1
  i32.const 1
  local.get 2
  i64.extend_i32_u
)
