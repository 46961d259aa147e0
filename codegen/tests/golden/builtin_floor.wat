;; `builtin:floor` (and `ceil`).
;;! function builtin:floor
;;! | RESULT FLOOR(1.5)
(func $builtin:floor (param i32 i64 i32) (result i32 i64)
  local.get 0
  i32.const 1
  i32.eq
  if ;; label = @1
    local.get 0
    local.get 1
    return
  end
  local.get 0
  i32.const 3
  i32.eq
  if ;; label = @1
    i32.const 203
    local.get 2
    i32.const 46
    local.get 0
    local.get 1
    i32.const 0
    i64.const 0
    call $fail
    unreachable
  end
  local.get 1
  f64.reinterpret_i64
  f64.floor
  local.get 2
  i32.const 46
  local.get 0
  local.get 1
  i32.const 0
  i64.const 0
  call $canon
  return
)
