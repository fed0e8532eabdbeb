from prefect import flow


def cleanup(flow, flow_run, state):
    print("dropping temp tables")


@flow(on_failure=[cleanup])
def ingest():
    pass
