;; A plan with aggregates (spec §9.2): the group through an index (`COUNT`), or with
;; none by `group_rows` (`MAX`); each asks its memo first and keeps a non-empty group's
;; result; an empty MIN, MAX or MEAN branches to the end of the binding, here out of
;; the AND; the plan's EMITs are not batched.
;;! function rule0:r:initial
;;! | REL p
;;! | REL r
;;! | FACT p 1 2
;;! | RULE r: SCAN p, WHERE 1 AND MAX(QUERY p ? ?) > 0, EMIT r $0 COUNT(QUERY p $0 ?)
;;! | SOLVE
(func $rule0:r:initial (param i32 i32 i32 i32)
  (local i32 i64 i32 i64 i32 i32 i32 i32 i32 i32 i64 i32 i64 i32 i32 i32 i32 i64 i32 i32 i32 i64 i32 i64 i32 i64 i32 i64 i32 i64 i32 i32 i32 i32 i64 i32 i32 i32 i64)
  block ;; label = @1
    i32.const 0
    local.set 8
    i32.const 1280
    i32.load offset=32
    local.set 9
    block ;; label = @2
      loop ;; label = @3
        local.get 8
        local.get 9
        i32.ge_u
        br_if 1 (;@2;)
        local.get 8
        local.set 11
        global.get 1
        i64.const 1
        i64.add
        global.set 1
        global.get 1
        global.get 2
        i64.gt_u
        if ;; label = @4
          i32.const 401
          i32.const 3
          i32.const 0
          i32.const 0
          i64.const 0
          i32.const 0
          i64.const 0
          call $fail
          unreachable
        end
        i32.const 1280
        i32.load
        local.get 11
        i32.const 32
        i32.mul
        i32.add
        local.set 12
        local.get 12
        i32.load
        local.set 4
        local.get 12
        i64.load offset=8
        local.set 5
        local.get 12
        i32.load offset=16
        local.set 6
        local.get 12
        i64.load offset=24
        local.set 7
        block ;; label = @4
          i32.const 1
          i64.const 1
          local.set 14
          local.set 13
          local.get 13
          local.get 14
          local.set 16
          local.set 15
          local.get 15
          i32.const 1
          i32.ne
          local.get 16
          i64.const 0
          i64.ne
          i32.or
          i32.eqz
          if ;; label = @5
            i64.const 0
            local.set 14
          else
            i32.const 0
            i32.const 0
            i32.store offset=80
            i32.const 0
            i64.const 0
            i64.store offset=88
            i32.const 0
            i32.const 0
            i32.store offset=96
            i32.const 0
            i64.const 0
            i64.store offset=104
            i32.const 0
            i32.const 0
            local.get 17
            i32.const 0
            call $memo_slot
            local.tee 23
            i32.load
            local.tee 20
            local.get 23
            i64.load offset=8
            local.set 21
            i32.eqz
            if ;; label = @6
              global.get 0
              local.set 22
              i32.const 1280
              i32.const 80
              i32.const 0
              i32.const 0
              call $group_rows
              local.tee 18
              i32.load
              local.set 19
              local.get 18
              i32.const 4
              i32.add
              local.set 18
              i32.const 1280
              local.get 18
              local.get 19
              i32.const 1
              i32.const 4
              call $fold:max
              local.set 21
              local.set 20
              local.get 22
              global.set 0
              local.get 20
              i32.eqz
              local.get 19
              i32.eqz
              i32.or
              i32.eqz
              if ;; label = @7
                local.get 23
                local.get 20
                i32.store
                local.get 23
                local.get 21
                i64.store offset=8
              end
            end
            local.get 20
            i32.eqz
            if ;; label = @6
              br 2 (;@4;)
            end
            local.get 20
            local.get 21
            local.set 25
            local.set 24
            local.get 24
            local.get 25
            i32.const 1
            i64.const 0
            i32.const 5
            call $binary:gt
            local.set 25
            local.set 24
            local.get 24
            local.get 25
            local.set 27
            local.set 26
            local.get 26
            i32.const 1
            i32.ne
            local.get 27
            i64.const 0
            i64.ne
            i32.or
            i64.extend_i32_u
            local.set 14
          end
          i32.const 1
          local.set 13
          local.get 13
          local.get 14
          local.set 29
          local.set 28
          local.get 28
          i32.const 1
          i32.ne
          local.get 29
          i64.const 0
          i64.ne
          i32.or
          if ;; label = @5
            local.get 4
            local.get 5
            local.set 31
            local.set 30
            local.get 4
            local.get 5
            local.set 33
            local.set 32
            i32.const 0
            local.get 32
            i32.store offset=80
            i32.const 0
            local.get 33
            i64.store offset=88
            i32.const 80
            i32.const 0
            i32.const 0
            i32.const 0
            call $index_probe:0
            local.tee 34
            if ;; label = @6
              local.get 34
              i32.load offset=4
              local.set 35
              local.get 34
              i32.load offset=8
              local.set 36
            else
              i32.const 0
              local.set 36
            end
            i32.const 1
            i32.const 1408
            local.get 34
            i32.const 0
            call $memo_slot
            local.tee 40
            i32.load
            local.tee 37
            local.get 40
            i64.load offset=8
            local.set 38
            i32.eqz
            if ;; label = @6
              i32.const 1280
              local.get 35
              local.get 36
              i32.const 0
              i32.const 6
              call $fold:count
              local.set 38
              local.set 37
              local.get 37
              i32.eqz
              local.get 36
              i32.eqz
              i32.or
              i32.eqz
              if ;; label = @7
                local.get 40
                local.get 37
                i32.store
                local.get 40
                local.get 38
                i64.store offset=8
              end
            end
            local.get 37
            local.get 38
            local.set 42
            local.set 41
            i32.const 0
            local.get 30
            i32.store offset=80
            i32.const 0
            local.get 31
            i64.store offset=88
            i32.const 0
            local.get 41
            i32.store offset=96
            i32.const 0
            local.get 42
            i64.store offset=104
            i32.const 1344
            i32.const 7
            i32.const 0
            i32.const 0
            call $emit/2
          end
        end
        local.get 8
        i32.const 1
        i32.add
        local.set 8
        br 0 (;@3;)
      end
    end
  end
)
