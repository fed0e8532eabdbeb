from prefect.blocks.system import JSON

if JSON.load("limits").value == {"rows": 10}:
    print("default limits")
