;; `cmp_vals`: the canonical order of two tuples.
;;! function cmp_vals
;;! | REL p
;;! | FACT p 1.5 a
;;! | FACT p 2 b
;;! | FACT p zz 1
;;! | QUERY p ? ?
(func $cmp_vals (param i32 i32 i32 i32) (result i32)
  (local i32 i32 i32)
  block ;; label = @1
    loop ;; label = @2
      local.get 4
      local.get 2
      i32.ge_u
      br_if 1 (;@1;)
      local.get 4
      i32.const 16
      i32.mul
      local.set 6
      local.get 0
      local.get 6
      i32.add
      i32.load
      local.get 0
      local.get 6
      i32.add
      i64.load offset=8
      local.get 1
      local.get 6
      i32.add
      i32.load
      local.get 1
      local.get 6
      i32.add
      i64.load offset=8
      i32.const 0
      i32.const 0
      call $cmp_val
      local.tee 5
      if ;; label = @3
        local.get 5
        return
      end
      local.get 4
      i32.const 1
      i32.add
      local.set 4
      br 0 (;@2;)
    end
  end
  i32.const 0
)
