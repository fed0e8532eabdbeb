# orca-fixture: serve() of both deployments, and a single .serve() with code after it
# prefect: 3.6.1
# rule: serve-blocks
# lines: none
from prefect import flow, serve


@flow
def ingest():
    pass


@flow
def report():
    pass


def serve_all():
    serve(ingest.to_deployment(name="ingest-hourly"), report.to_deployment(name="report-daily"))


if __name__ == "__main__":
    ingest.serve(name="ingest-hourly")
    print("stopped")
