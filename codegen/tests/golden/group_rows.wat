;; `group_rows`: the visible rows equal to a pattern's non-`?` values, listed on the heap.
;;! function group_rows
;;! | REL p
;;! | FACT p 1 2
;;! | RESULT COUNT(QUERY p 1 ?)
(func $group_rows (param i32 i32 i32 i32) (result i32)
  (local i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32)
  local.get 0
  i32.load offset=20
  local.set 4
  local.get 0
  i32.load
  local.set 5
  local.get 0
  i32.load offset=32
  local.tee 6
  i32.const 1
  i32.add
  i32.const 4
  i32.mul
  i32.const 0
  i32.const 0
  i32.const 0
  call $alloc
  local.set 7
  block ;; label = @1
    loop ;; label = @2
      local.get 9
      local.get 6
      i32.ge_u
      br_if 1 (;@1;)
      local.get 5
      local.get 9
      local.get 4
      i32.mul
      i32.const 16
      i32.mul
      i32.add
      local.set 10
      i32.const 1
      local.set 14
      i32.const 0
      local.set 11
      block ;; label = @3
        loop ;; label = @4
          local.get 11
          local.get 4
          i32.ge_u
          br_if 1 (;@3;)
          local.get 1
          local.get 11
          i32.const 16
          i32.mul
          local.tee 12
          i32.add
          local.tee 13
          i32.load
          if ;; label = @5
            local.get 13
            i32.load
            local.get 10
            local.get 12
            i32.add
            i32.load
            i32.ne
            local.get 13
            i64.load offset=8
            local.get 10
            local.get 12
            i32.add
            i64.load offset=8
            i64.ne
            i32.or
            if ;; label = @6
              i32.const 0
              local.set 14
            end
          end
          local.get 11
          i32.const 1
          i32.add
          local.set 11
          br 0 (;@4;)
        end
      end
      local.get 14
      if ;; label = @3
        local.get 8
        i32.const 1
        i32.add
        local.tee 8
        i32.const 4
        i32.mul
        local.get 7
        i32.add
        local.get 9
        i32.store
      end
      local.get 9
      i32.const 1
      i32.add
      local.set 9
      br 0 (;@2;)
    end
  end
  local.get 7
  local.get 8
  i32.store
  local.get 7
)
