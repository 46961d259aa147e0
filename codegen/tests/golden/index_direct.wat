;; The direct slots of a one-column index (docs/decisions.md 191): `index_direct_grow`
;; widens them to take a new Int key, or says they would be too sparse;
;; `index_undirect` gives them up, filing every key in a hash table.
;;! function index_direct_grow
;;! function index_undirect
;;! | REL edge
;;! | REL path
;;! | FACT edge 1 2
;;! | FACT edge 2 3
;;! | RULE path: SCAN edge, EMIT path $0 $1
;;! | RULE path: SCAN edge, JOIN path $1, EMIT path $0 $2
;;! | SOLVE
(func $index_direct_grow (param i32 i64 i32 i64 i32 i32) (result i32)
  (local i32 i32 i32 i64 i64 i64 i64 i64)
  local.get 1
  i64.const 4611686018427387904
  i64.add
  i64.const 9223372036854775807
  i64.gt_u
  if ;; label = @1
    i32.const 0
    return
  end
  local.get 0
  i32.load offset=12
  local.tee 6
  if (result i64) ;; label = @1
    local.get 0
    i64.load offset=32
  else
    local.get 1
  end
  local.set 9
  local.get 9
  local.get 1
  local.get 9
  local.get 1
  i64.lt_s
  select
  local.set 10
  local.get 9
  local.get 6
  i64.extend_i32_u
  i64.add
  local.tee 11
  local.get 1
  i64.const 1
  i64.add
  local.tee 12
  local.get 11
  local.get 12
  i64.gt_s
  select
  local.tee 11
  local.get 10
  i64.sub
  local.set 12
  local.get 0
  i32.load offset=16
  i64.extend_i32_u
  i64.const 1
  i64.add
  i64.const 4
  i64.mul
  i64.const 4096
  i64.add
  local.tee 13
  i64.const 16777216
  local.get 13
  i64.const 16777216
  i64.lt_s
  select
  local.set 13
  local.get 12
  local.get 13
  i64.gt_s
  if ;; label = @1
    i32.const 0
    return
  end
  local.get 12
  local.get 6
  i64.extend_i32_u
  i64.const 1
  i64.shl
  local.tee 10
  local.get 12
  local.get 10
  i64.gt_s
  select
  local.tee 12
  local.get 13
  local.get 12
  local.get 13
  i64.lt_s
  select
  local.set 12
  local.get 11
  local.get 12
  i64.sub
  local.get 9
  local.get 1
  local.get 9
  i64.lt_s
  select
  local.set 10
  local.get 12
  i32.wrap_i64
  local.set 7
  local.get 7
  i32.const 16
  i32.mul
  i32.const 0
  i32.const 0
  i32.const 0
  call $alloc
  local.tee 8
  i32.const 0
  local.get 7
  i32.const 16
  i32.mul
  memory.fill
  local.get 8
  local.get 9
  local.get 10
  i64.sub
  i32.wrap_i64
  i32.const 16
  i32.mul
  i32.add
  local.get 0
  i32.load offset=8
  local.get 6
  i32.const 16
  i32.mul
  memory.copy
  local.get 0
  local.get 8
  i32.store offset=8
  local.get 0
  local.get 7
  i32.store offset=12
  local.get 0
  local.get 10
  i64.store offset=32
  i32.const 1
)
(func $index_undirect (param i32 i32 i32 i32)
  (local i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i64 i64 i32)
  i32.const 16
  local.set 4
  block ;; label = @1
    loop ;; label = @2
      local.get 4
      local.get 0
      i32.load offset=16
      i32.const 1
      i32.add
      i32.const 1
      i32.shl
      i32.ge_u
      br_if 1 (;@1;)
      local.get 4
      i32.const 1
      i32.shl
      local.set 4
      br 0 (;@2;)
    end
  end
  local.get 4
  i32.const 16
  i32.mul
  i32.const 0
  i32.const 0
  i32.const 0
  call $alloc
  local.tee 5
  i32.const 0
  local.get 4
  i32.const 16
  i32.mul
  memory.fill
  local.get 0
  i32.load offset=8
  local.set 6
  local.get 0
  i32.load offset=12
  local.set 7
  local.get 0
  i32.load offset=20
  local.set 8
  block ;; label = @1
    loop ;; label = @2
      local.get 10
      local.get 7
      i32.ge_u
      br_if 1 (;@1;)
      local.get 6
      local.get 10
      i32.const 16
      i32.mul
      i32.add
      local.tee 11
      i32.load offset=4
      if ;; label = @3
        local.get 8
        i32.load
        local.get 11
        i32.load offset=4
        i32.load
        local.get 8
        i32.load offset=20
        i32.mul
        local.get 0
        i32.load offset=4
        i32.load
        i32.add
        i32.const 16
        i32.mul
        i32.add
        local.set 9
        i64.const -3750763034362895579
        local.set 14
        local.get 9
        i64.load offset=8
        local.get 9
        i64.load32_u
        i64.const -7046029254386353131
        i64.mul
        i64.add
        i64.const -49064778989728563
        i64.mul
        local.tee 15
        local.get 15
        i64.const 33
        i64.shr_u
        i64.xor
        local.get 14
        i64.xor
        i64.const 1099511628211
        i64.mul
        local.set 14
        local.get 14
        local.get 14
        i64.const 32
        i64.shr_u
        i64.xor
        i32.wrap_i64
        local.set 12
        local.get 11
        local.get 12
        i32.store
        local.get 12
        local.get 4
        i32.const 1
        i32.sub
        i32.and
        local.set 16
        block ;; label = @4
          loop ;; label = @5
            local.get 5
            local.get 16
            i32.const 16
            i32.mul
            i32.add
            local.tee 13
            i32.load offset=4
            i32.eqz
            br_if 1 (;@4;)
            local.get 16
            i32.const 1
            i32.add
            local.get 4
            i32.const 1
            i32.sub
            i32.and
            local.set 16
            br 0 (;@5;)
          end
        end
        local.get 13
        local.get 11
        i64.load
        i64.store
        local.get 13
        local.get 11
        i64.load offset=8
        i64.store offset=8
      end
      local.get 10
      i32.const 1
      i32.add
      local.set 10
      br 0 (;@2;)
    end
  end
  local.get 0
  local.get 5
  i32.store offset=8
  local.get 0
  local.get 4
  i32.store offset=12
  local.get 0
  i32.const 0
  i32.store offset=28
)
