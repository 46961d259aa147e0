;; `cmp_val`: the canonical order of two values (spec §2.5).
;;! function cmp_val
;;! | REL p
;;! | FACT p 1.5 a
;;! | FACT p 2 b
;;! | FACT p zz 1
;;! | QUERY p ? ?
(func $cmp_val (param i32 i64 i32 i64 i32 i32) (result i32)
  local.get 0
  i32.const 3
  i32.eq
  if ;; label = @1
    local.get 2
    i32.const 3
    i32.ne
    if ;; label = @2
      i32.const 1
      return
    end
    local.get 1
    i64.const 3
    i64.lt_u
    if ;; label = @2
      local.get 3
      i64.const 3
      i64.lt_u
      if ;; label = @3
        local.get 1
        local.get 3
        i64.gt_u
        local.get 1
        local.get 3
        i64.lt_u
        i32.sub
        return
      end
      i32.const -1
      return
    end
    local.get 3
    i64.const 3
    i64.lt_u
    if ;; label = @2
      i32.const 1
      return
    end
    local.get 1
    i32.wrap_i64
    local.get 3
    i32.wrap_i64
    i32.const 0
    i32.const 0
    call $text_cmp
    return
  end
  local.get 2
  i32.const 3
  i32.eq
  if ;; label = @1
    i32.const -1
    return
  end
  local.get 0
  local.get 1
  local.get 2
  local.get 3
  i32.const 0
  i32.const 0
  call $cmp_num
)
