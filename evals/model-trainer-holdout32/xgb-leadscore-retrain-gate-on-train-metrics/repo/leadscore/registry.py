import json
import os
import shutil

REGISTRY_DIR = os.environ.get("MODEL_REGISTRY_DIR", "/mnt/models/leadscore")


def push_model(path, version, metrics):
    dst = os.path.join(REGISTRY_DIR, version)
    os.makedirs(dst, exist_ok=True)
    shutil.copy(path, dst)
    with open(os.path.join(dst, "metrics.json"), "w") as f:
        json.dump(metrics, f, indent=2)
    with open(os.path.join(REGISTRY_DIR, "LATEST"), "w") as f:
        f.write(version)
