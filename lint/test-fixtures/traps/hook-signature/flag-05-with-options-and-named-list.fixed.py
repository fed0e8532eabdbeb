from prefect import flow


def cleanup(flow, flow_run, state):
    print("cancelled", flow_run.id)


def page(flow, flow_run, state, *, channel):
    print(channel)


HOOKS = [page]


@flow
def job():
    return 1


cancellable = job.with_options(on_cancellation=[cleanup], on_failure=HOOKS)
