import json
import sys

import numpy as np
from sklearn.metrics import balanced_accuracy_score, f1_score
from transformers import (AutoFeatureExtractor, AutoModelForAudioClassification, EarlyStoppingCallback,
                          Trainer, TrainingArguments, set_seed)

from data import EMOTIONS, prepare_fn, split_by_actor

cfg = json.load(open(sys.argv[1] if len(sys.argv) > 1 else "config.json"))
set_seed(cfg["seed"])

splits = split_by_actor(cfg["metadata_csv"], cfg["val_actors"], cfg["test_actors"])
fe = AutoFeatureExtractor.from_pretrained(cfg["model_name"])
splits = {k: v.map(prepare_fn(fe, cfg["max_duration_s"]), batched=True, batch_size=32,
                   remove_columns=["path"]) for k, v in splits.items()}

model = AutoModelForAudioClassification.from_pretrained(
    cfg["model_name"], num_labels=len(EMOTIONS),
    id2label=dict(enumerate(EMOTIONS)), label2id={e: i for i, e in enumerate(EMOTIONS)})
model.freeze_feature_encoder()


def metrics(p):
    pred = p.predictions.argmax(-1)
    return {"uar": balanced_accuracy_score(p.label_ids, pred),
            "macro_f1": f1_score(p.label_ids, pred, average="macro")}


args = TrainingArguments(
    output_dir=cfg["output_dir"],
    evaluation_strategy="epoch",
    save_strategy="epoch",
    learning_rate=cfg["lr"],
    per_device_train_batch_size=cfg["batch_size"],
    per_device_eval_batch_size=cfg["batch_size"],
    num_train_epochs=cfg["epochs"],
    warmup_ratio=0.1,
    weight_decay=0.01,
    load_best_model_at_end=True,
    metric_for_best_model="uar",
    save_total_limit=2,
    fp16=True,
    seed=cfg["seed"],
    report_to="none",
)
trainer = Trainer(model=model, args=args, train_dataset=splits["train"],
                  eval_dataset=splits["validation"], compute_metrics=metrics,
                  callbacks=[EarlyStoppingCallback(early_stopping_patience=3)])
trainer.train()
print("best val checkpoint:", trainer.state.best_model_checkpoint, trainer.state.best_metric)

test_out = trainer.predict(splits["test"])
print("TEST (unseen actors):", {k: round(v, 4) for k, v in test_out.metrics.items() if k.startswith("test_")})
np.save(f"{cfg['output_dir']}/test_logits.npy", test_out.predictions)
trainer.save_model(f"{cfg['output_dir']}/final")
