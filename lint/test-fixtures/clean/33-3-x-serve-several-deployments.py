# orca-fixture: 3.x serve several deployments
# prefect: 3.4.20
from prefect import flow, serve

@flow
def a():
    print("a")

@flow
def b():
    print("b")

if __name__ == "__main__":
    serve(a.to_deployment(name="a"), b.to_deployment(name="b", cron="0 * * * *"))
