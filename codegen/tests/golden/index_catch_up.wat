;; `index_catch_up:0`: files the rows of `path` made visible since under their key (column 0),
;; the hash and comparison unrolled for the index's column.
;;! function index_catch_up:0
;;! | REL edge
;;! | REL path
;;! | FACT edge 1 2
;;! | FACT edge 2 3
;;! | RULE path: SCAN edge, EMIT path $0 $1
;;! | RULE path: SCAN edge, JOIN path $1, EMIT path $0 $2
;;! | SOLVE
;;! | QUERY path 1 ?
(func $index_catch_up:0 (param i32 i32 i32 i32)
  (local i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i64 i64 i64 i64 i32 i32)
  i32.const 1408
  local.tee 4
  i32.load offset=24
  local.set 6
  i32.const 1344
  i32.load offset=32
  local.set 7
  i32.const 1344
  i32.load
  local.set 5
  block ;; label = @1
    loop ;; label = @2
      local.get 6
      local.get 7
      i32.ge_u
      br_if 1 (;@1;)
      local.get 5
      local.get 6
      i32.const 32
      i32.mul
      i32.add
      local.set 8
      block ;; label = @3
        local.get 4
        i32.load offset=28
        if ;; label = @4
          block ;; label = @5
            local.get 8
            i32.load
            i32.const 1
            i32.ne
            br_if 0 (;@5;)
            local.get 8
            i64.load offset=8
            local.set 15
            local.get 15
            local.get 4
            i64.load offset=32
            i64.sub
            local.tee 16
            local.get 4
            i32.load offset=12
            i64.extend_i32_u
            i64.lt_u
            i32.eqz
            if ;; label = @6
              local.get 4
              local.get 15
              i32.const 0
              i64.const 0
              i32.const 0
              i32.const 0
              call $index_direct_grow
              i32.eqz
              br_if 1 (;@5;)
              local.get 15
              local.get 4
              i64.load offset=32
              i64.sub
              local.set 16
            end
            local.get 4
            i32.load offset=8
            local.get 16
            i32.wrap_i64
            i32.const 16
            i32.mul
            i32.add
            local.tee 10
            i32.load offset=4
            local.set 11
            i32.const 0
            local.set 9
            br 2 (;@3;)
          end
          local.get 4
          i32.const 0
          i32.const 0
          i32.const 0
          call $index_undirect
        end
        local.get 4
        i32.load offset=16
        i32.const 1
        i32.add
        i32.const 1
        i32.shl
        local.get 4
        i32.load offset=12
        i32.gt_u
        if ;; label = @4
          local.get 4
          i32.const 0
          i32.const 0
          i32.const 0
          call $index_grow
        end
        i64.const -3750763034362895579
        local.set 17
        local.get 8
        i64.load offset=8
        local.get 8
        i64.load32_u
        i64.const -7046029254386353131
        i64.mul
        i64.add
        i64.const -49064778989728563
        i64.mul
        local.tee 18
        local.get 18
        i64.const 33
        i64.shr_u
        i64.xor
        local.get 17
        i64.xor
        i64.const 1099511628211
        i64.mul
        local.set 17
        local.get 17
        local.get 17
        i64.const 32
        i64.shr_u
        i64.xor
        i32.wrap_i64
        local.set 9
        local.get 4
        i32.load offset=12
        i32.const 1
        i32.sub
        local.tee 20
        local.get 9
        i32.and
        local.set 19
        block ;; label = @4
          loop ;; label = @5
            local.get 4
            i32.load offset=8
            local.get 19
            i32.const 16
            i32.mul
            i32.add
            local.tee 10
            i32.load offset=4
            local.tee 11
            i32.eqz
            br_if 1 (;@4;)
            local.get 10
            i32.load
            local.get 9
            i32.eq
            if ;; label = @6
              local.get 5
              local.get 11
              i32.load
              i32.const 32
              i32.mul
              i32.add
              local.set 14
              i32.const 0
              local.get 14
              i32.load
              local.get 8
              i32.load
              i32.ne
              local.get 14
              i64.load offset=8
              local.get 8
              i64.load offset=8
              i64.ne
              i32.or
              i32.or
              i32.eqz
              br_if 2 (;@4;)
            end
            local.get 19
            i32.const 1
            i32.add
            local.get 20
            i32.and
            local.set 19
            br 0 (;@5;)
          end
        end
      end
      local.get 11
      if ;; label = @3
        local.get 10
        i32.load offset=8
        local.tee 12
        local.get 10
        i32.load offset=12
        i32.eq
        if ;; label = @4
          local.get 12
          i32.const 8
          i32.mul
          i32.const 0
          i32.const 0
          i32.const 0
          call $alloc
          local.tee 13
          local.get 11
          local.get 12
          i32.const 4
          i32.mul
          memory.copy
          local.get 10
          local.get 13
          local.tee 11
          i32.store offset=4
          local.get 10
          local.get 12
          i32.const 1
          i32.shl
          i32.store offset=12
        end
        local.get 11
        local.get 12
        i32.const 4
        i32.mul
        i32.add
        local.get 6
        i32.store
        local.get 10
        local.get 12
        i32.const 1
        i32.add
        i32.store offset=8
      else
        i32.const 16
        i32.const 0
        i32.const 0
        i32.const 0
        call $alloc
        local.tee 11
        local.get 6
        i32.store
        local.get 10
        local.get 9
        i32.store
        local.get 10
        local.get 11
        i32.store offset=4
        local.get 10
        i32.const 1
        i32.store offset=8
        local.get 10
        i32.const 4
        i32.store offset=12
        local.get 4
        local.get 4
        i32.load offset=16
        i32.const 1
        i32.add
        i32.store offset=16
      end
      local.get 6
      i32.const 1
      i32.add
      local.set 6
      br 0 (;@2;)
    end
  end
  local.get 4
  local.get 7
  i32.store offset=24
)
