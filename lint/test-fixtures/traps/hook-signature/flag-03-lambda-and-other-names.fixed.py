from prefect import flow


def alert(run):
    print("crashed", run)


@flow(on_crashed=[alert], on_completion=[lambda flow, flow_run, state: print("done")])
def sync_job():
    return 1
