;; `sort_dense`: a large answer of dense Ints ordered through a bitmap.
;;! target long-run
;;! function sort_dense
;;! | REL edge
;;! | REL path
;;! | FACT edge 1 2
;;! | FACT edge 2 3
;;! | RULE path: SCAN edge, EMIT path $0 $1
;;! | RULE path: SCAN edge, JOIN path $1, EMIT path $0 $2
;;! | SOLVE
;;! | QUERY path 1 ?
(func $sort_dense (param i32 i32 i32 i32) (result i32)
  (local i32 i32 i32 i32 i32 i64 i64 i64 i64 i64 i64 i64 i64 i64 i32 i32 i32 i32 i64 i64 i64)
  local.get 2
  i32.const 128
  i32.lt_u
  local.get 3
  i32.const 1
  i32.sub
  i32.const 2
  i32.ge_u
  i32.or
  if ;; label = @1
    i32.const 0
    return
  end
  local.get 3
  i32.const 16
  i32.mul
  local.set 7
  i64.const 9223372036854775807
  local.set 9
  i64.const -9223372036854775808
  local.set 11
  i64.const 0
  local.set 10
  i64.const 0
  local.set 12
  local.get 3
  i32.const 2
  i32.eq
  if ;; label = @1
    i64.const 9223372036854775807
    local.set 10
    i64.const -9223372036854775808
    local.set 12
  end
  i32.const 0
  local.set 5
  block ;; label = @1
    loop ;; label = @2
      local.get 5
      local.get 2
      i32.ge_u
      br_if 1 (;@1;)
      local.get 0
      local.get 5
      local.get 7
      i32.mul
      i32.add
      local.set 6
      local.get 6
      i32.load
      i32.const 1
      i32.ne
      if ;; label = @3
        i32.const 0
        return
      end
      local.get 6
      i64.load offset=8
      local.tee 13
      local.get 9
      local.get 13
      local.get 9
      i64.lt_s
      select
      local.set 9
      local.get 13
      local.get 11
      local.get 13
      local.get 11
      i64.gt_s
      select
      local.set 11
      local.get 3
      i32.const 2
      i32.eq
      if ;; label = @3
        local.get 6
        i32.load offset=16
        i32.const 1
        i32.ne
        if ;; label = @4
          i32.const 0
          return
        end
        local.get 6
        i64.load offset=24
        local.tee 13
        local.get 10
        local.get 13
        local.get 10
        i64.lt_s
        select
        local.set 10
        local.get 13
        local.get 12
        local.get 13
        local.get 12
        i64.gt_s
        select
        local.set 12
      end
      local.get 5
      i32.const 1
      i32.add
      local.set 5
      br 0 (;@2;)
    end
  end
  local.get 12
  local.get 10
  i64.sub
  local.tee 13
  i64.const 4294967296
  i64.ge_u
  if ;; label = @1
    i32.const 0
    return
  end
  i64.const 64
  local.get 13
  i64.clz
  i64.sub
  local.set 15
  local.get 11
  local.get 9
  i64.sub
  local.tee 13
  i64.const 2147483648
  i64.ge_u
  if ;; label = @1
    i32.const 0
    return
  end
  local.get 13
  i64.const 1
  i64.add
  local.tee 14
  local.get 15
  i64.shl
  local.get 2
  i64.extend_i32_u
  i64.const 6
  i64.shl
  i64.gt_u
  if ;; label = @1
    i32.const 0
    return
  end
  local.get 14
  local.get 15
  i64.shl
  i64.const 63
  i64.add
  i64.const 6
  i64.shr_u
  i32.wrap_i64
  local.set 19
  local.get 19
  i32.const 8
  i32.mul
  i32.const 0
  i32.const 0
  i32.const 0
  call $alloc
  local.tee 18
  i32.const 0
  local.get 19
  i32.const 8
  i32.mul
  memory.fill
  i32.const 0
  local.set 5
  block ;; label = @1
    loop ;; label = @2
      local.get 5
      local.get 2
      i32.ge_u
      br_if 1 (;@1;)
      local.get 0
      local.get 5
      local.get 7
      i32.mul
      i32.add
      local.set 6
      local.get 6
      i64.load offset=8
      local.get 9
      i64.sub
      local.get 15
      i64.shl
      local.set 16
      local.get 3
      i32.const 2
      i32.eq
      if ;; label = @3
        local.get 16
        local.get 6
        i64.load offset=24
        local.get 10
        i64.sub
        i64.or
        local.set 16
      end
      local.get 18
      local.get 16
      i64.const 6
      i64.shr_u
      i32.wrap_i64
      i32.const 3
      i32.shl
      i32.add
      local.set 8
      i64.const 1
      local.get 16
      i64.shl
      local.set 17
      local.get 8
      local.get 8
      i64.load
      local.get 17
      i64.or
      i64.store
      local.get 5
      i32.const 1
      i32.add
      local.set 5
      br 0 (;@2;)
    end
  end
  local.get 1
  local.set 4
  i64.const 1
  local.get 15
  i64.shl
  i64.const 1
  i64.sub
  local.set 24
  block ;; label = @1
    loop ;; label = @2
      local.get 20
      local.get 19
      i32.ge_u
      br_if 1 (;@1;)
      local.get 18
      local.get 20
      i32.const 3
      i32.shl
      i32.add
      local.tee 21
      i64.load
      local.set 22
      block ;; label = @3
        loop ;; label = @4
          local.get 22
          i64.eqz
          br_if 1 (;@3;)
          local.get 20
          i64.extend_i32_u
          i64.const 6
          i64.shl
          local.get 22
          i64.ctz
          i64.or
          local.set 23
          local.get 22
          local.get 22
          i64.const 1
          i64.sub
          i64.and
          local.set 22
          local.get 4
          i64.const 1
          i64.store
          local.get 4
          local.get 23
          local.get 15
          i64.shr_u
          local.get 9
          i64.add
          i64.store offset=8
          local.get 3
          i32.const 2
          i32.eq
          if ;; label = @5
            local.get 4
            i64.const 1
            i64.store offset=16
            local.get 4
            local.get 23
            local.get 24
            i64.and
            local.get 10
            i64.add
            i64.store offset=24
          end
          local.get 4
          local.get 3
          i32.const 16
          i32.mul
          i32.add
          local.set 4
          br 0 (;@4;)
        end
      end
      local.get 20
      i32.const 1
      i32.add
      local.set 20
      br 0 (;@2;)
    end
  end
  i32.const 1
)
