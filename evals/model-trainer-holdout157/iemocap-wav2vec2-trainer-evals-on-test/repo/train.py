import argparse

import numpy as np
import yaml
from sklearn.metrics import accuracy_score, f1_score, recall_score
from transformers import (AutoFeatureExtractor, AutoModelForAudioClassification, Trainer,
                          TrainingArguments, set_seed)

from data import ID2LABEL, LABEL2ID, load_iemocap, make_preprocess

parser = argparse.ArgumentParser()
parser.add_argument("--config", default="config.yaml")
args = parser.parse_args()
cfg = yaml.safe_load(open(args.config))
set_seed(cfg["seed"])

ds = load_iemocap(cfg["csv_path"], cfg["test_session"], cfg["sampling_rate"])
feature_extractor = AutoFeatureExtractor.from_pretrained(cfg["model_name"])
ds = ds.map(make_preprocess(feature_extractor, cfg["max_seconds"]), batched=True,
            batch_size=16, remove_columns=["audio"])

model = AutoModelForAudioClassification.from_pretrained(
    cfg["model_name"], num_labels=len(LABEL2ID), label2id=LABEL2ID, id2label=ID2LABEL)
model.freeze_feature_encoder()


def compute_metrics(pred):
    y_pred = np.argmax(pred.predictions, axis=-1)
    y_true = pred.label_ids
    return {
        "wa": accuracy_score(y_true, y_pred),
        "ua": recall_score(y_true, y_pred, average="macro"),
        "macro_f1": f1_score(y_true, y_pred, average="macro"),
    }


training_args = TrainingArguments(
    output_dir=cfg["output_dir"],
    evaluation_strategy="epoch",
    save_strategy="epoch",
    learning_rate=cfg["learning_rate"],
    per_device_train_batch_size=cfg["batch_size"],
    per_device_eval_batch_size=cfg["batch_size"],
    gradient_accumulation_steps=cfg["grad_accum"],
    num_train_epochs=cfg["epochs"],
    warmup_ratio=cfg["warmup_ratio"],
    load_best_model_at_end=True,
    metric_for_best_model="ua",
    greater_is_better=True,
    save_total_limit=2,
    fp16=True,
    logging_steps=50,
    seed=cfg["seed"],
    report_to="none",
)

trainer = Trainer(
    model=model,
    args=training_args,
    train_dataset=ds["train"],
    eval_dataset=ds["test"],
    compute_metrics=compute_metrics,
)
trainer.train()

final = trainer.evaluate(ds["test"])
print(f"Session {cfg['test_session']} held out -> WA {final['eval_wa']:.4f}  UA {final['eval_ua']:.4f}")
trainer.save_model(f"{cfg['output_dir']}/best")
feature_extractor.save_pretrained(f"{cfg['output_dir']}/best")
