from datetime import datetime, timedelta

from airflow import DAG
from airflow.operators.bash import BashOperator

with DAG(
    dag_id="retrain_shift_cancellation",
    schedule="30 2 * * *",
    start_date=datetime(2024, 5, 1),
    catchup=False,
    default_args={"retries": 1, "retry_delay": timedelta(minutes=20)},
    tags=["ml", "retraining"],
) as dag:
    BashOperator(
        task_id="retrain",
        bash_command="python -m shiftml.retrain --config configs/shift_cancel.yaml --run-date {{ ds }}",
        env={"MLFLOW_TRACKING_URI": "{{ var.value.mlflow_tracking_uri }}"},
        append_env=True,
    )
