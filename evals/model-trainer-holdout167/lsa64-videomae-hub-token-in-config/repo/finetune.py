import json

import evaluate
import numpy as np
from transformers import (Trainer, TrainingArguments, VideoMAEForVideoClassification,
                          VideoMAEImageProcessor, set_seed)

from lsa64 import LSA64Clips, list_videos

cfg = json.load(open("config.json"))
set_seed(cfg["seed"])

processor = VideoMAEImageProcessor.from_pretrained(cfg["base_checkpoint"])
model = VideoMAEForVideoClassification.from_pretrained(
    cfg["base_checkpoint"],
    num_labels=64,
    id2label={i: f"sign_{i + 1:03d}" for i in range(64)},
    label2id={f"sign_{i + 1:03d}": i for i in range(64)},
    ignore_mismatched_sizes=True,
)

splits = {name: LSA64Clips(list_videos(cfg["data_dir"], cfg[f"{name}_signers"]), processor, cfg["num_frames"])
          for name in ("train", "val", "test")}
print({k: len(v) for k, v in splits.items()})

accuracy = evaluate.load("accuracy")


def compute_metrics(eval_pred):
    preds = np.argmax(eval_pred.predictions, axis=1)
    return accuracy.compute(predictions=preds, references=eval_pred.label_ids)


args = TrainingArguments(
    output_dir=cfg["output_dir"],
    num_train_epochs=cfg["epochs"],
    per_device_train_batch_size=cfg["batch_size"],
    per_device_eval_batch_size=cfg["batch_size"],
    gradient_accumulation_steps=cfg["grad_accum"],
    learning_rate=cfg["learning_rate"],
    warmup_ratio=cfg["warmup_ratio"],
    evaluation_strategy="epoch",
    save_strategy="epoch",
    save_total_limit=2,
    load_best_model_at_end=True,
    metric_for_best_model="accuracy",
    remove_unused_columns=False,
    fp16=True,
    dataloader_num_workers=4,
    seed=cfg["seed"],
    report_to="none",
    push_to_hub=cfg["push_to_hub"],
    hub_model_id=cfg["hub_model_id"],
    hub_token=cfg["hub_token"],
)

trainer = Trainer(
    model=model,
    args=args,
    train_dataset=splits["train"],
    eval_dataset=splits["val"],
    compute_metrics=compute_metrics,
)
trainer.train()

test_out = trainer.predict(splits["test"])
print("signer 10 (unseen) accuracy:", test_out.metrics["test_accuracy"])
trainer.push_to_hub(commit_message="videomae-base fine-tuned on LSA64, signer-independent split")
