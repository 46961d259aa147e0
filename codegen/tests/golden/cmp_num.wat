;; `cmp_num`: two numbers.
;;! function cmp_num
;;! | REL p
;;! | FACT p 1.5 a
;;! | FACT p 2 b
;;! | FACT p zz 1
;;! | QUERY p ? ?
(func $cmp_num (param i32 i64 i32 i64 i32 i32) (result i32)
  local.get 0
  i32.const 1
  i32.eq
  if ;; label = @1
    local.get 2
    i32.const 1
    i32.eq
    if ;; label = @2
      local.get 1
      local.get 3
      i64.gt_s
      local.get 1
      local.get 3
      i64.lt_s
      i32.sub
      return
    end
    i32.const 0
    local.get 1
    i32.const 0
    local.get 3
    i32.const 0
    i32.const 0
    call $cmp_int_float
    return
  end
  local.get 2
  i32.const 1
  i32.eq
  if ;; label = @1
    i32.const 0
    i32.const 0
    local.get 3
    i32.const 0
    local.get 1
    i32.const 0
    i32.const 0
    call $cmp_int_float
    i32.sub
    return
  end
  local.get 1
  f64.reinterpret_i64
  local.get 3
  f64.reinterpret_i64
  f64.gt
  local.get 1
  f64.reinterpret_i64
  local.get 3
  f64.reinterpret_i64
  f64.lt
  i32.sub
)
