;; `builtin:sqrt`.
;;! function builtin:sqrt
;;! | RESULT SQRT(2)
(func $builtin:sqrt (param i32 i64 i32) (result i32 i64)
  local.get 0
  i32.const 3
  i32.eq
  if ;; label = @1
    i32.const 203
    local.get 2
    i32.const 36
    local.get 0
    local.get 1
    i32.const 0
    i64.const 0
    call $fail
    unreachable
  end
  local.get 1
  f64.reinterpret_i64
  local.get 1
  f64.convert_i64_s
  local.get 0
  i32.const 2
  i32.eq
  select
  f64.sqrt
  local.get 2
  i32.const 36
  local.get 0
  local.get 1
  i32.const 0
  i64.const 0
  call $canon
  return
)
