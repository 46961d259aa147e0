;; `set_grow`: doubles a set's table, or grows it to the capacity asked for.
;;! function set_grow
;;! | REL edge
;;! | REL path
;;! | FACT edge 1 2
;;! | FACT edge 2 3
;;! | RULE path: SCAN edge, EMIT path $0 $1
;;! | RULE path: SCAN edge, JOIN path $1, EMIT path $0 $2
;;! | SOLVE
;;! | QUERY path 1 ?
(func $set_grow (param i32 i32 i32 i32)
  (local i32 i32 i32 i32 i32 i32 i32 i32 i32)
  local.get 0
  i32.load offset=12
  local.set 7
  local.get 0
  i32.load offset=16
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
  local.get 1
  local.get 4
  local.get 1
  i32.gt_u
  select
  local.set 4
  local.get 4
  i32.const 8
  i32.mul
  i32.const 0
  i32.const 0
  i32.const 0
  call $alloc
  local.tee 6
  i32.const 0
  local.get 4
  i32.const 8
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
      i32.const 8
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
            i32.const 8
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
  i32.store offset=12
  local.get 0
  local.get 4
  i32.store offset=16
)
