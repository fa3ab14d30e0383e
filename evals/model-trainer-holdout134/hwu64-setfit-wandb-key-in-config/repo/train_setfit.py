"""Few-shot intent classification on HWU64 with SetFit (contrastive body + logistic head)."""
import json
import os
import sys

import pandas as pd
import wandb
import yaml
from datasets import Dataset
from setfit import SetFitModel, Trainer, TrainingArguments, sample_dataset
from sklearn.metrics import accuracy_score, f1_score

cfg_path = sys.argv[1] if len(sys.argv) > 1 else "config.yaml"
with open(cfg_path) as f:
    cfg = yaml.safe_load(f)

wandb.login(key=cfg["wandb"]["api_key"])
run = wandb.init(project=cfg["wandb"]["project"], entity=cfg["wandb"]["entity"],
                 name=cfg["experiment"], config=cfg["train"])

dcfg, tcfg = cfg["data"], cfg["train"]
train_df = pd.read_csv(dcfg["train_csv"])[[dcfg["text_col"], dcfg["label_col"]]]
test_df = pd.read_csv(dcfg["test_csv"])[[dcfg["text_col"], dcfg["label_col"]]]
train_df.columns = test_df.columns = ["text", "label"]

labels = sorted(train_df["label"].unique())
train_ds = Dataset.from_pandas(train_df, preserve_index=False)
test_ds = Dataset.from_pandas(test_df[test_df["label"].isin(labels)], preserve_index=False)

few_shot = sample_dataset(train_ds, label_column="label",
                          num_samples=dcfg["shots_per_intent"], seed=tcfg["seed"])
print(f"{len(few_shot)} training utterances for {len(labels)} intents; {len(test_ds)} test utterances")

model = SetFitModel.from_pretrained(cfg["base_model"], labels=labels)
args = TrainingArguments(
    batch_size=tcfg["batch_size"],
    num_epochs=tcfg["num_epochs"],
    num_iterations=tcfg["num_iterations"],
    body_learning_rate=tcfg["body_learning_rate"],
    head_learning_rate=tcfg["head_learning_rate"],
    seed=tcfg["seed"],
    report_to="wandb",
    run_name=cfg["experiment"],
)
trainer = Trainer(model=model, args=args, train_dataset=few_shot)
trainer.train()

preds = model.predict(test_ds["text"])
preds = list(preds)
metrics = {
    "test_accuracy": accuracy_score(test_ds["label"], preds),
    "test_macro_f1": f1_score(test_ds["label"], preds, average="macro"),
}
print(json.dumps(metrics, indent=2))
wandb.log(metrics)

os.makedirs(cfg["output_dir"], exist_ok=True)
model.save_pretrained(cfg["output_dir"])
run.finish()
