;; `cmp_int_float`: an Int against a Float, exactly.
;;! function cmp_int_float
;;! | REL p
;;! | FACT p 1.5 a
;;! | FACT p 2 b
;;! | FACT p zz 1
;;! | QUERY p ? ?
(func $cmp_int_float (param i32 i64 i32 i64 i32 i32) (result i32)
  (local f64 f64 i64 f64)
  local.get 3
  f64.reinterpret_i64
  local.set 6
  local.get 6
  f64.const 0x1p+63 (;=9223372036854776000;)
  f64.ge
  if ;; label = @1
    i32.const -1
    return
  end
  local.get 6
  f64.const -0x1p+63 (;=-9223372036854776000;)
  f64.lt
  if ;; label = @1
    i32.const 1
    return
  end
  local.get 6
  f64.trunc
  local.tee 7
  i64.trunc_sat_f64_s
  local.set 8
  local.get 6
  local.get 7
  f64.sub
  local.set 9
  local.get 1
  local.get 8
  i64.ne
  if ;; label = @1
    local.get 1
    local.get 8
    i64.gt_s
    local.get 1
    local.get 8
    i64.lt_s
    i32.sub
    return
  end
  local.get 9
  f64.const 0x0p+0 (;=0;)
  f64.lt
  local.get 9
  f64.const 0x0p+0 (;=0;)
  f64.gt
  i32.sub
)
