# orca-fixture: a guarded call, a task called at the top level, and no word of a worker or a deployment
# prefect: 3.4.20
# rule: unguarded-flow-call
# lines: none
# spoken: how do i make this print more logs
from prefect import flow


@flow
def etl_main():
    print("loading")


etl_main()
