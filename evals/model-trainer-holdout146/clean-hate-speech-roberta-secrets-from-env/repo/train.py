import os

import numpy as np
import wandb
import yaml
from datasets import load_dataset
from sklearn.metrics import classification_report, f1_score
from transformers import (AutoModelForSequenceClassification, AutoTokenizer, DataCollatorWithPadding,
                          Trainer, TrainingArguments, set_seed)

from env_utils import load_dotenv, require_env

cfg = yaml.safe_load(open("config.yaml"))
load_dotenv()
wandb.login(key=require_env(cfg["tracking"]["api_key_env"]))
os.environ["WANDB_PROJECT"] = cfg["tracking"]["wandb_project"]
os.environ["WANDB_ENTITY"] = cfg["tracking"]["wandb_entity"]
hf_token = require_env(cfg["hub"]["token_env"]) if cfg["hub"]["push"] else None

set_seed(cfg["seed"])
ds = load_dataset(*cfg["dataset"])  # train / validation / test
tok = AutoTokenizer.from_pretrained(cfg["model_name"])
ds = ds.map(lambda b: tok(b["text"], truncation=True, max_length=cfg["max_length"]), batched=True)

model = AutoModelForSequenceClassification.from_pretrained(
    cfg["model_name"], num_labels=2, id2label={0: "non-hate", 1: "hate"}, label2id={"non-hate": 0, "hate": 1}
)


def compute_metrics(p):
    preds = np.argmax(p.predictions, axis=-1)
    return {"macro_f1": f1_score(p.label_ids, preds, average="macro"), "hate_f1": f1_score(p.label_ids, preds)}


args = TrainingArguments(
    **cfg["training"],
    evaluation_strategy="epoch",
    save_strategy="epoch",
    load_best_model_at_end=True,
    metric_for_best_model="macro_f1",
    save_total_limit=2,
    report_to="wandb",
    seed=cfg["seed"],
    push_to_hub=False,
)
trainer = Trainer(
    model=model,
    args=args,
    train_dataset=ds["train"],
    eval_dataset=ds["validation"],
    tokenizer=tok,
    data_collator=DataCollatorWithPadding(tok),
    compute_metrics=compute_metrics,
)
trainer.train()

pred = trainer.predict(ds["test"])
print(classification_report(pred.label_ids, pred.predictions.argmax(-1), target_names=["non-hate", "hate"], digits=4))
wandb.log({f"test/{k}": v for k, v in pred.metrics.items()})

if cfg["hub"]["push"]:
    model.push_to_hub(cfg["hub"]["model_id"], token=hf_token, private=True)
    tok.push_to_hub(cfg["hub"]["model_id"], token=hf_token, private=True)
