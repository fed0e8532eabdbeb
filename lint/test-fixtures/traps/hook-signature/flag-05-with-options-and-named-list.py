# orca-fixture: hooks given through with_options and a list bound to a name, one needing a keyword-only argument
# prefect: 2.20.3
# rule: hook-signature
# lines: 8 12
from prefect import flow


def cleanup(flow, flow_run):
    print("cancelled", flow_run.id)


def page(flow, flow_run, state, *, channel):
    print(channel)


HOOKS = [page]


@flow
def job():
    return 1


cancellable = job.with_options(on_cancellation=[cleanup], on_failure=HOOKS)
