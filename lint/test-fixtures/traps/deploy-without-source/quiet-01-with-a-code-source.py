# orca-fixture: deploys that say where the code is: image= by keyword or position, from_source, a module path, kwargs
# prefect: 3.4.20
# rule: deploy-without-source
# lines: none
from prefect import flow
from prefect.deployments.runner import EntrypointType

from flows.etl import imported_flow


@flow
def etl():
    return 1


if __name__ == "__main__":
    etl.deploy(name="a", work_pool_name="k8s", image="ghcr.io/acme/etl:1")
    etl.deploy("b", "k8s", "ghcr.io/acme/etl:1")
    etl.deploy(name="c", work_pool_name="k8s", entrypoint_type=EntrypointType.MODULE_PATH)
    flow.from_source(source="https://github.com/acme/etl.git", entrypoint="etl.py:etl").deploy(
        name="d", work_pool_name="k8s"
    )
    options = {"image": "ghcr.io/acme/etl:1"}
    etl.deploy(name="e", work_pool_name="k8s", **options)
    imported_flow.deploy(name="f", work_pool_name="k8s")
    etl.serve(name="g")
