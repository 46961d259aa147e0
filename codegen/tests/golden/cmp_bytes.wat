;; `cmp_bytes`: byte-wise text order.
;;! function cmp_bytes
;;! | RESULT 1 + 2
(func $cmp_bytes (param i32 i32 i32 i32) (result i32)
  (local i32 i32 i32 i32)
  local.get 1
  local.get 3
  local.get 1
  local.get 3
  i32.lt_u
  select
  local.set 5
  block ;; label = @1
    loop ;; label = @2
      local.get 5
      local.get 4
      i32.sub
      i32.const 8
      i32.lt_u
      br_if 1 (;@1;)
      local.get 0
      local.get 4
      i32.add
      i64.load align=1
      local.get 2
      local.get 4
      i32.add
      i64.load align=1
      i64.ne
      br_if 1 (;@1;)
      local.get 4
      i32.const 8
      i32.add
      local.set 4
      br 0 (;@2;)
    end
  end
  block ;; label = @1
    loop ;; label = @2
      local.get 4
      local.get 5
      i32.ge_u
      br_if 1 (;@1;)
      local.get 0
      local.get 4
      i32.add
      i32.load8_u
      local.tee 6
      local.get 2
      local.get 4
      i32.add
      i32.load8_u
      local.tee 7
      i32.ne
      if ;; label = @3
        local.get 6
        local.get 7
        i32.gt_u
        local.get 6
        local.get 7
        i32.lt_u
        i32.sub
        return
      end
      local.get 4
      i32.const 1
      i32.add
      local.set 4
      br 0 (;@2;)
    end
  end
  local.get 1
  local.get 3
  i32.gt_u
  local.get 1
  local.get 3
  i32.lt_u
  i32.sub
)
