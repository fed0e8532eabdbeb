# orca-fixture: a lambda without parameters, and a hook whose parameter name is not Prefect's (no automatic fix)
# prefect: 3.8.3
# rule: hook-signature
# lines: 8 12
from prefect import flow


def alert(run):
    print("crashed", run)


@flow(on_crashed=[alert], on_completion=[lambda: print("done")])
def sync_job():
    return 1
