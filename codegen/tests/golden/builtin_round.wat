;; `builtin:round`: half away from zero at −15…15 digits.
;;! function builtin:round
;;! | RESULT ROUND(1.55, 1)
(func $builtin:round (param i32 i64 i32 i64 i32) (result i32 i64)
  (local f64 f64 f64 f64 i64)
  local.get 2
  i32.const 1
  i32.ne
  if ;; label = @1
    i32.const 203
    local.get 4
    i32.const 22
    local.get 2
    local.get 3
    i32.const 0
    i64.const 0
    call $fail
    unreachable
  end
  local.get 3
  i64.const -15
  i64.lt_s
  local.get 3
  i64.const 15
  i64.gt_s
  i32.or
  if ;; label = @1
    i32.const 204
    local.get 4
    i32.const 22
    local.get 2
    local.get 3
    i32.const 0
    i64.const 0
    call $fail
    unreachable
  end
  local.get 0
  i32.const 3
  i32.eq
  if ;; label = @1
    i32.const 203
    local.get 4
    i32.const 48
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
  local.set 5
  local.get 3
  i64.const 0
  i64.ge_s
  if ;; label = @1
    local.get 0
    i32.const 1
    i32.eq
    local.get 5
    f64.abs
    f64.const 0x1p+52 (;=4503599627370496;)
    f64.ge
    i32.or
    if ;; label = @2
      local.get 0
      local.get 1
      return
    end
  end
  f64.const 0x1p+0 (;=1;)
  local.set 6
  block ;; label = @1
    loop ;; label = @2
      local.get 9
      local.get 3
      i64.const 0
      local.get 3
      i64.sub
      local.get 3
      i64.const 0
      i64.ge_s
      select
      i64.ge_s
      br_if 1 (;@1;)
      local.get 6
      f64.const 0x1.4p+3 (;=10;)
      f64.mul
      local.set 6
      local.get 9
      i64.const 1
      i64.add
      local.set 9
      br 0 (;@2;)
    end
  end
  local.get 3
  i64.const 0
  i64.ge_s
  if (result f64) ;; label = @1
    local.get 5
    local.get 6
    f64.mul
    local.set 7
    local.get 7
    f64.trunc
    local.tee 8
    f64.const 0x1p+0 (;=1;)
    local.get 7
    f64.copysign
    f64.add
    local.get 8
    local.get 7
    local.get 8
    f64.sub
    f64.abs
    f64.const 0x1p-1 (;=0.5;)
    f64.ge
    select
    local.get 6
    f64.div
  else
    local.get 5
    local.get 6
    f64.div
    local.set 7
    local.get 7
    f64.trunc
    local.tee 8
    f64.const 0x1p+0 (;=1;)
    local.get 7
    f64.copysign
    f64.add
    local.get 8
    local.get 7
    local.get 8
    f64.sub
    f64.abs
    f64.const 0x1p-1 (;=0.5;)
    f64.ge
    select
    local.get 6
    f64.mul
  end
  local.get 4
  i32.const 48
  local.get 0
  local.get 1
  local.get 2
  local.get 3
  call $canon
  return
)
