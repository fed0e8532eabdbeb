# orca-fixture: a 2.x flow's on_failure hook that takes only the state
# prefect: 2.20.3
# rule: hook-signature
# lines: 8
from prefect import flow


def page_oncall(state):
    print(f"paging: flow ended {state.name}")


@flow(on_failure=[page_oncall])
def nightly():
    raise ValueError("boom")
