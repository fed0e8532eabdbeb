# orca-fixture: a flow loaded with from_source (bound to a name, or through a local flow's classmethod) has its code
# prefect: 3.4.20
# rule: deploy-without-source
# lines: none
from prefect import Flow, flow


@flow
def etl():
    return 1


if __name__ == "__main__":
    remote = Flow.from_source(source="https://github.com/acme/etl.git", entrypoint="etl.py:etl")
    remote.deploy(name="a", work_pool_name="process")
    etl.from_source(source="https://github.com/acme/etl.git", entrypoint="etl.py:etl").deploy(
        name="b", work_pool_name="process"
    )
    remote.with_options(name="etl-copy").deploy(name="c", work_pool_name="process")
