# orca-fixture: the 3.x decorator form of a flow hook
# prefect: 3.4.20
# rule: hook-signature
# lines: 14
from prefect import flow


@flow
def ingest():
    raise RuntimeError("bad input")


@ingest.on_failure
def notify():
    print("ingest failed")
