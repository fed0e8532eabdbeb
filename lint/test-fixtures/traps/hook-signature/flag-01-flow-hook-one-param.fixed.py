from prefect import flow


def page_oncall(flow, flow_run, state):
    print(f"paging: flow ended {state.name}")


@flow(on_failure=[page_oncall])
def nightly():
    raise ValueError("boom")
