# orca-fixture: an on_failure keyword of something that is not a flow or task
# prefect: 3.4.20
# rule: hook-signature
# lines: none
from scheduler import job


def page(state):
    print(state)


@job(on_failure=[page])
def nightly():
    return 1
