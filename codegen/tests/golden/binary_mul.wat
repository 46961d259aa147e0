;; `binary:mul`: its overflow check calls `mul_overflows`.
;;! function binary:mul
;;! function mul_overflows
;;! | RESULT 2 * 3
(func $binary:mul (param i32 i64 i32 i64 i32) (result i32 i64)
  (local i64)
  local.get 0
  i32.const 1
  i32.eq
  local.get 2
  i32.const 1
  i32.eq
  i32.and
  if ;; label = @1
    local.get 1
    local.get 3
    i64.mul
    local.set 5
    i64.const 0
    local.get 1
    local.get 3
    call $mul_overflows
    i64.extend_i32_u
    i64.sub
    i64.const 0
    i64.lt_s
    if ;; label = @2
      i32.const 202
      local.get 4
      i32.const 11
      local.get 0
      local.get 1
      local.get 2
      local.get 3
      call $fail
      unreachable
    end
    i32.const 1
    local.get 5
    return
  end
  local.get 0
  i32.const 3
  i32.eq
  local.get 2
  i32.const 3
  i32.eq
  i32.or
  if ;; label = @1
    i32.const 203
    local.get 4
    i32.const 11
    local.get 0
    local.get 1
    local.get 2
    local.get 3
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
  local.get 3
  f64.reinterpret_i64
  local.get 3
  f64.convert_i64_s
  local.get 2
  i32.const 2
  i32.eq
  select
  f64.mul
  local.get 4
  i32.const 11
  local.get 0
  local.get 1
  local.get 2
  local.get 3
  call $canon
  return
  unreachable
)
(func $mul_overflows (param i64 i64) (result i32)
  local.get 0
  i64.eqz
  if ;; label = @1
    i32.const 0
    return
  end
  local.get 0
  i64.const -1
  i64.eq
  if ;; label = @1
    local.get 1
    i64.const -9223372036854775808
    i64.eq
    return
  end
  local.get 0
  local.get 1
  i64.mul
  local.get 0
  i64.div_s
  local.get 1
  i64.ne
)
