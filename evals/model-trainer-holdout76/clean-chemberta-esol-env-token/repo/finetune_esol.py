"""Fine-tune ChemBERTa-77M-MTR for aqueous solubility (ESOL) regression on a scaffold split."""
import os

import numpy as np
import pandas as pd
import yaml
from datasets import Dataset
from rdkit import Chem
from rdkit.Chem import rdFingerprintGenerator
from sklearn.ensemble import RandomForestRegressor
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score
from transformers import (AutoModelForSequenceClassification, AutoTokenizer, DataCollatorWithPadding,
                          EarlyStoppingCallback, Trainer, TrainingArguments, set_seed)

from scaffolds import randomized_scaffold_split

with open("config.yaml") as fh:
    cfg = yaml.safe_load(fh)
set_seed(cfg["seed"])
hf_token = os.environ.get("HF_TOKEN")

df = pd.read_csv(cfg["data_path"]).rename(columns={cfg["smiles_col"]: "smiles", cfg["target_col"]: "labels"})
df = df[df["smiles"].map(lambda s: Chem.MolFromSmiles(s) is not None)].reset_index(drop=True)
df["labels"] = df["labels"].astype(np.float32)
tr, va, te = randomized_scaffold_split(df["smiles"].tolist(), cfg["split"]["valid"], cfg["split"]["test"], cfg["seed"])


def regression_metrics(y, p):
    return {"rmse": float(np.sqrt(mean_squared_error(y, p))), "mae": float(mean_absolute_error(y, p)),
            "r2": float(r2_score(y, p))}


# fingerprint random forest on the identical split
gen = rdFingerprintGenerator.GetMorganGenerator(radius=2, fpSize=2048)
fp = np.stack([gen.GetFingerprintAsNumPy(Chem.MolFromSmiles(s)) for s in df["smiles"]])
rf = RandomForestRegressor(n_estimators=500, min_samples_leaf=2, random_state=cfg["seed"], n_jobs=-1)
rf.fit(fp[tr], df["labels"].to_numpy()[tr])
rf_test = regression_metrics(df["labels"].to_numpy()[te], rf.predict(fp[te]))

tokenizer = AutoTokenizer.from_pretrained(cfg["base_model"], token=hf_token)


def to_ds(idx):
    ds = Dataset.from_pandas(df.loc[idx, ["smiles", "labels"]].reset_index(drop=True))
    return ds.map(lambda b: tokenizer(b["smiles"], truncation=True, max_length=cfg["max_length"]),
                  batched=True, remove_columns=["smiles"])


train_ds, valid_ds, test_ds = to_ds(tr), to_ds(va), to_ds(te)
model = AutoModelForSequenceClassification.from_pretrained(
    cfg["base_model"], num_labels=1, problem_type="regression", token=hf_token)


def compute_metrics(eval_pred):
    preds, labels = eval_pred
    return regression_metrics(labels, preds.squeeze(-1))


args = TrainingArguments(
    output_dir="outputs/chemberta-esol", eval_strategy="epoch", save_strategy="epoch",
    load_best_model_at_end=True, metric_for_best_model="rmse", greater_is_better=False,
    save_total_limit=2, seed=cfg["seed"], data_seed=cfg["seed"], report_to="none",
    push_to_hub=cfg["push_to_hub"] and hf_token is not None, hub_model_id=cfg["hub_repo"], hub_token=hf_token,
    **cfg["training"],
)
trainer = Trainer(model=model, args=args, train_dataset=train_ds, eval_dataset=valid_ds,
                  tokenizer=tokenizer, data_collator=DataCollatorWithPadding(tokenizer),
                  compute_metrics=compute_metrics, callbacks=[EarlyStoppingCallback(early_stopping_patience=5)])
trainer.train()

bert_test = trainer.evaluate(test_ds, metric_key_prefix="test")
print("RF (Morgan) test:", {k: round(v, 3) for k, v in rf_test.items()})
print("ChemBERTa test:  ", {k: round(bert_test[f"test_{k}"], 3) for k in ("rmse", "mae", "r2")})
trainer.save_model("outputs/chemberta-esol/best")
if args.push_to_hub:
    trainer.push_to_hub(commit_message="ESOL scaffold split")
