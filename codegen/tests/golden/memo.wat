;; The memo of rule aggregates: `memo_find` (the result kept for a group, or tag 0),
;; `memo_keep`, `memo_grow` (doubles the table) and `memo_clear` (at a stratum's start).
;;! function memo_find
;;! function memo_keep
;;! function memo_grow
;;! function memo_clear
;;! | REL p
;;! | REL r
;;! | FACT p 1 2
;;! | RULE r: SCAN p, EMIT r $0 COUNT(QUERY p $0 ?)
;;! | SOLVE
(func $memo_find (param i32 i32) (result i32 i64)
  (local i32 i32 i32 i32 i32 i32 i32)
  i32.const 1448
  local.tee 2
  i32.load offset=4
  i32.const 1
  i32.sub
  local.tee 3
  i32.const -1
  i32.eq
  if ;; label = @1
    i32.const 0
    i64.const 0
    return
  end
  local.get 1
  i32.const 4
  i32.shr_u
  local.get 0
  i32.const -1640531527
  i32.mul
  i32.add
  i32.const -2048144789
  i32.mul
  local.tee 8
  local.get 8
  i32.const 13
  i32.shr_u
  i32.xor
  local.tee 4
  local.get 3
  i32.and
  local.set 5
  block ;; label = @1
    loop ;; label = @2
      local.get 2
      i32.load
      local.get 5
      i32.const 32
      i32.mul
      i32.add
      local.tee 6
      i32.load offset=4
      local.tee 7
      i32.eqz
      br_if 1 (;@1;)
      local.get 6
      i32.load
      local.get 4
      i32.eq
      if ;; label = @3
        local.get 7
        local.get 0
        i32.const 1
        i32.add
        i32.eq
        local.get 6
        i32.load offset=8
        local.get 1
        i32.eq
        i32.and
        if ;; label = @4
          local.get 6
          i32.load offset=16
          local.get 6
          i64.load offset=24
          return
        end
      end
      local.get 5
      i32.const 1
      i32.add
      local.get 3
      i32.and
      local.set 5
      br 0 (;@2;)
    end
  end
  i32.const 0
  i64.const 0
)
(func $memo_keep (param i32 i32 i32 i64)
  (local i32 i32 i32 i32 i32 i32 i32)
  i32.const 1448
  local.set 4
  local.get 4
  i32.load offset=8
  i32.const 1
  i32.add
  i32.const 1
  i32.shl
  local.get 4
  i32.load offset=4
  i32.gt_u
  if ;; label = @1
    local.get 4
    i32.const 0
    i32.const 0
    i32.const 0
    call $memo_grow
  end
  local.get 4
  i32.load
  local.set 5
  local.get 4
  i32.load offset=4
  local.set 6
  local.get 1
  i32.const 4
  i32.shr_u
  local.get 0
  i32.const -1640531527
  i32.mul
  i32.add
  i32.const -2048144789
  i32.mul
  local.tee 9
  local.get 9
  i32.const 13
  i32.shr_u
  i32.xor
  local.set 7
  local.get 7
  local.get 6
  i32.const 1
  i32.sub
  i32.and
  local.set 10
  block ;; label = @1
    loop ;; label = @2
      local.get 5
      local.get 10
      i32.const 32
      i32.mul
      i32.add
      local.tee 8
      i32.load offset=4
      i32.eqz
      br_if 1 (;@1;)
      local.get 10
      i32.const 1
      i32.add
      local.get 6
      i32.const 1
      i32.sub
      i32.and
      local.set 10
      br 0 (;@2;)
    end
  end
  local.get 8
  local.get 7
  i32.store
  local.get 8
  local.get 0
  i32.const 1
  i32.add
  i32.store offset=4
  local.get 8
  local.get 1
  i32.store offset=8
  local.get 8
  local.get 2
  i32.store offset=16
  local.get 8
  local.get 3
  i64.store offset=24
  local.get 4
  local.get 4
  i32.load offset=8
  i32.const 1
  i32.add
  i32.store offset=8
)
(func $memo_grow (param i32 i32 i32 i32)
  (local i32 i32 i32 i32 i32 i32 i32 i32 i32)
  local.get 0
  i32.load
  local.set 7
  local.get 0
  i32.load offset=4
  local.tee 5
  local.get 5
  i32.const 4096
  i32.lt_u
  i32.const 1
  i32.add
  i32.shl
  i32.const 16
  local.get 5
  select
  local.set 4
  local.get 4
  i32.const 32
  i32.mul
  i32.const 0
  i32.const 0
  i32.const 0
  call $alloc
  local.tee 6
  i32.const 0
  local.get 4
  i32.const 32
  i32.mul
  memory.fill
  block ;; label = @1
    loop ;; label = @2
      local.get 8
      local.get 5
      i32.ge_u
      br_if 1 (;@1;)
      local.get 7
      local.get 8
      i32.const 32
      i32.mul
      i32.add
      local.tee 9
      i32.load offset=4
      if ;; label = @3
        local.get 9
        i32.load
        local.set 10
        local.get 10
        local.get 4
        i32.const 1
        i32.sub
        i32.and
        local.set 12
        block ;; label = @4
          loop ;; label = @5
            local.get 6
            local.get 12
            i32.const 32
            i32.mul
            i32.add
            local.tee 11
            i32.load offset=4
            i32.eqz
            br_if 1 (;@4;)
            local.get 12
            i32.const 1
            i32.add
            local.get 4
            i32.const 1
            i32.sub
            i32.and
            local.set 12
            br 0 (;@5;)
          end
        end
        local.get 11
        local.get 9
        i64.load
        i64.store
        local.get 11
        local.get 9
        i64.load offset=8
        i64.store offset=8
        local.get 11
        local.get 9
        i64.load offset=16
        i64.store offset=16
        local.get 11
        local.get 9
        i64.load offset=24
        i64.store offset=24
      end
      local.get 8
      i32.const 1
      i32.add
      local.set 8
      br 0 (;@2;)
    end
  end
  local.get 0
  local.get 6
  i32.store
  local.get 0
  local.get 4
  i32.store offset=4
)
(func $memo_clear (param i32 i32 i32 i32)
  (local i32)
  i32.const 1448
  local.tee 4
  i32.load offset=8
  if ;; label = @1
    local.get 4
    i32.load
    i32.const 0
    local.get 4
    i32.load offset=4
    i32.const 32
    i32.mul
    memory.fill
    local.get 4
    i32.const 0
    i32.store offset=8
  end
)
