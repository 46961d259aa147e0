;; `binary:div`: true division (E201 by zero, Int when exact).
;;! function binary:div
;;! | RESULT 7 / 2
(func $binary:div (param i32 i64 i32 i64 i32) (result i32 i64)
  (local i64 f64 f64 f64)
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
    i32.const 12
    local.get 0
    local.get 1
    local.get 2
    local.get 3
    call $fail
    unreachable
  end
  local.get 0
  i32.const 1
  i32.eq
  local.get 2
  i32.const 1
  i32.eq
  i32.and
  if ;; label = @1
    local.get 3
    i64.eqz
    if ;; label = @2
      i32.const 201
      local.get 4
      i32.const 12
      local.get 0
      local.get 1
      local.get 2
      local.get 3
      call $fail
      unreachable
    end
    local.get 1
    local.get 3
    i64.rem_s
    local.set 5
    local.get 5
    i64.eqz
    if ;; label = @2
      local.get 1
      i64.const -9223372036854775808
      i64.eq
      local.get 3
      i64.const -1
      i64.eq
      i32.and
      if ;; label = @3
        i32.const 202
        local.get 4
        i32.const 12
        local.get 0
        local.get 1
        local.get 2
        local.get 3
        call $fail
        unreachable
      end
      i32.const 1
      local.get 1
      local.get 3
      i64.div_s
      return
    end
    local.get 1
    f64.convert_i64_s
    local.get 3
    f64.convert_i64_s
    f64.div
    local.get 4
    i32.const 12
    local.get 0
    local.get 1
    local.get 2
    local.get 3
    call $canon
    return
  end
  local.get 3
  f64.reinterpret_i64
  local.get 3
  f64.convert_i64_s
  local.get 2
  i32.const 2
  i32.eq
  select
  local.tee 6
  f64.const 0x0p+0 (;=0;)
  f64.eq
  if ;; label = @1
    i32.const 201
    local.get 4
    i32.const 12
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
  local.set 7
  local.get 7
  local.get 6
  f64.div
  local.get 4
  i32.const 12
  local.get 0
  local.get 1
  local.get 2
  local.get 3
  call $canon
  return
)
