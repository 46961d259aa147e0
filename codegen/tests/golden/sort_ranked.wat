;; `sort_ranked`: LSD radix sort by rank.
;;! function sort_ranked
;;! | REL edge
;;! | REL path
;;! | FACT edge 1 2
;;! | FACT edge 2 3
;;! | RULE path: SCAN edge, EMIT path $0 $1
;;! | RULE path: SCAN edge, JOIN path $1, EMIT path $0 $2
;;! | SOLVE
;;! | QUERY path 1 ?
(func $sort_ranked (param i32 i32 i32 i32) (result i32)
  (local i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i64 i64)
  local.get 1
  local.get 2
  i32.mul
  local.set 4
  local.get 2
  i32.const 8
  i32.mul
  local.set 12
  block ;; label = @1
    loop ;; label = @2
      local.get 9
      local.get 4
      i32.ge_u
      br_if 1 (;@1;)
      local.get 0
      local.get 9
      i32.const 16
      i32.mul
      i32.add
      local.set 11
      local.get 11
      i32.load
      i32.const 1
      i32.eq
      local.get 11
      i64.load offset=8
      i64.const 4611686018427387904
      i64.add
      i64.const -9223372036854775808
      i64.lt_u
      i32.and
      local.get 11
      i32.load
      i32.const 3
      i32.eq
      local.get 11
      i64.load offset=8
      i64.const 0
      i64.lt_u
      i32.and
      i32.or
      i32.eqz
      if ;; label = @3
        i32.const 0
        return
      end
      local.get 9
      i32.const 1
      i32.add
      local.set 9
      br 0 (;@2;)
    end
  end
  local.get 12
  i32.const 0
  i32.const 0
  i32.const 0
  call $alloc
  local.tee 7
  i32.const 0
  local.get 12
  memory.fill
  i32.const 32
  local.get 1
  i32.clz
  i32.sub
  local.set 20
  local.get 20
  i32.const 8
  local.get 20
  i32.const 8
  i32.gt_u
  select
  local.set 20
  local.get 20
  i32.const 16
  local.get 20
  i32.const 16
  i32.lt_u
  select
  local.set 20
  i32.const 4
  local.get 20
  i32.shl
  i32.const 0
  i32.const 0
  i32.const 0
  call $alloc
  local.set 8
  local.get 0
  local.set 5
  local.get 0
  local.get 4
  i32.const 8
  i32.mul
  i32.add
  local.set 6
  i32.const 0
  local.set 9
  block ;; label = @1
    loop ;; label = @2
      local.get 9
      local.get 4
      i32.ge_u
      br_if 1 (;@1;)
      local.get 0
      local.get 9
      i32.const 16
      i32.mul
      i32.add
      local.set 11
      local.get 11
      i64.load offset=8
      local.tee 25
      i64.const 4611686018427387904
      i64.add
      local.get 25
      i64.const -9223372036854775808
      i64.or
      local.get 11
      i32.load
      i32.const 1
      i32.eq
      select
      local.set 25
      local.get 5
      local.get 9
      i32.const 8
      i32.mul
      i32.add
      local.get 25
      i64.store
      local.get 7
      local.get 10
      i32.const 8
      i32.mul
      i32.add
      local.tee 15
      local.get 15
      i64.load
      local.get 25
      local.get 5
      local.get 10
      i32.const 8
      i32.mul
      i32.add
      i64.load
      i64.xor
      i64.or
      i64.store
      local.get 10
      i32.const 1
      i32.add
      local.tee 10
      i32.const 0
      local.get 10
      local.get 2
      i32.lt_u
      select
      local.set 10
      local.get 9
      i32.const 1
      i32.add
      local.set 9
      br 0 (;@2;)
    end
  end
  local.get 2
  local.set 10
  block ;; label = @1
    loop ;; label = @2
      local.get 10
      i32.eqz
      br_if 1 (;@1;)
      local.get 10
      i32.const 1
      i32.sub
      local.tee 10
      i32.const 8
      i32.mul
      local.get 7
      i32.add
      i64.load
      local.tee 26
      i64.ctz
      i32.wrap_i64
      local.set 21
      i32.const 64
      local.get 26
      i64.clz
      i32.wrap_i64
      i32.sub
      local.get 21
      i32.sub
      local.tee 22
      if ;; label = @3
        local.get 22
        local.get 22
        local.get 20
        i32.add
        i32.const 1
        i32.sub
        local.get 20
        i32.div_u
        local.tee 23
        i32.add
        i32.const 1
        i32.sub
        local.get 23
        i32.div_u
        local.set 23
        i32.const 1
        local.get 23
        i32.shl
        i32.const 1
        i32.sub
        local.set 24
        local.get 21
        local.set 13
        local.get 21
        local.get 22
        i32.add
        local.set 22
        block ;; label = @4
          loop ;; label = @5
            local.get 13
            local.get 22
            i32.ge_u
            br_if 1 (;@4;)
            local.get 8
            i32.const 0
            local.get 24
            i32.const 1
            i32.add
            i32.const 4
            i32.mul
            memory.fill
            local.get 5
            local.set 15
            i32.const 0
            local.set 14
            block ;; label = @6
              loop ;; label = @7
                local.get 14
                local.get 1
                i32.ge_u
                br_if 1 (;@6;)
                local.get 15
                local.get 10
                i32.const 8
                i32.mul
                i32.add
                i64.load
                local.get 13
                i64.extend_i32_u
                i64.shr_u
                i32.wrap_i64
                local.get 24
                i32.and
                i32.const 4
                i32.mul
                local.get 8
                i32.add
                local.tee 16
                local.get 16
                i32.load
                i32.const 1
                i32.add
                i32.store
                local.get 15
                local.get 12
                i32.add
                local.set 15
                local.get 14
                i32.const 1
                i32.add
                local.set 14
                br 0 (;@7;)
              end
            end
            i32.const 0
            local.set 19
            i32.const 0
            local.set 14
            local.get 24
            i32.const 1
            i32.add
            local.set 18
            block ;; label = @6
              loop ;; label = @7
                local.get 14
                local.get 18
                i32.ge_u
                br_if 1 (;@6;)
                local.get 8
                local.get 14
                i32.const 4
                i32.mul
                i32.add
                local.tee 16
                i32.load
                local.get 16
                local.get 19
                i32.store
                local.get 19
                i32.add
                local.set 19
                local.get 14
                i32.const 1
                i32.add
                local.set 14
                br 0 (;@7;)
              end
            end
            local.get 5
            local.set 15
            i32.const 0
            local.set 14
            block ;; label = @6
              loop ;; label = @7
                local.get 14
                local.get 1
                i32.ge_u
                br_if 1 (;@6;)
                local.get 15
                local.get 10
                i32.const 8
                i32.mul
                i32.add
                i64.load
                local.get 13
                i64.extend_i32_u
                i64.shr_u
                i32.wrap_i64
                local.get 24
                i32.and
                i32.const 4
                i32.mul
                local.get 8
                i32.add
                local.tee 16
                i32.load
                local.tee 18
                i32.const 1
                i32.add
                local.set 19
                local.get 16
                local.get 19
                i32.store
                local.get 6
                local.get 18
                local.get 12
                i32.mul
                i32.add
                local.set 16
                i32.const 0
                local.set 17
                block ;; label = @8
                  loop ;; label = @9
                    local.get 17
                    local.get 2
                    i32.ge_u
                    br_if 1 (;@8;)
                    local.get 16
                    local.get 17
                    i32.const 8
                    i32.mul
                    local.tee 18
                    i32.add
                    local.get 15
                    local.get 18
                    i32.add
                    i64.load
                    i64.store
                    local.get 17
                    i32.const 1
                    i32.add
                    local.set 17
                    br 0 (;@9;)
                  end
                end
                local.get 15
                local.get 12
                i32.add
                local.set 15
                local.get 14
                i32.const 1
                i32.add
                local.set 14
                br 0 (;@7;)
              end
            end
            local.get 5
            local.get 6
            local.set 5
            local.set 6
            local.get 13
            local.get 23
            i32.add
            local.set 13
            br 0 (;@5;)
          end
        end
      end
      br 0 (;@2;)
    end
  end
  local.get 5
  local.get 0
  i32.ne
  local.set 15
  i32.const 0
  local.set 9
  block ;; label = @1
    loop ;; label = @2
      local.get 9
      local.get 4
      i32.ge_u
      br_if 1 (;@1;)
      local.get 9
      local.get 4
      i32.const 1
      i32.sub
      local.get 9
      i32.sub
      local.get 15
      select
      local.set 14
      local.get 5
      local.get 14
      i32.const 8
      i32.mul
      i32.add
      i64.load
      local.set 25
      local.get 0
      local.get 14
      i32.const 16
      i32.mul
      i32.add
      local.set 11
      local.get 11
      i64.const 1
      i64.const 3
      local.get 25
      i64.const 0
      i64.ge_s
      select
      i64.store
      local.get 11
      local.get 25
      i64.const 4611686018427387904
      i64.sub
      local.get 25
      i64.const 9223372036854775807
      i64.and
      local.get 25
      i64.const 0
      i64.ge_s
      select
      i64.store offset=8
      local.get 9
      i32.const 1
      i32.add
      local.set 9
      br 0 (;@2;)
    end
  end
  i32.const 1
)
