import json
import os

import numpy as np
import torch
import wandb
from sklearn.metrics import classification_report, f1_score
from transformers import (AutoModelForSequenceClassification, AutoTokenizer, DataCollatorWithPadding,
                          Trainer, TrainingArguments)

from data import INTENTS, inverse_frequency_weights, load_acl_arc


class WeightedTrainer(Trainer):
    def __init__(self, *args, class_weights=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.class_weights = torch.tensor(class_weights, dtype=torch.float32)

    def compute_loss(self, model, inputs, return_outputs=False):
        labels = inputs.pop("labels")
        outputs = model(**inputs)
        loss = torch.nn.functional.cross_entropy(
            outputs.logits, labels, weight=self.class_weights.to(outputs.logits.device)
        )
        return (loss, outputs) if return_outputs else loss


def compute_metrics(p):
    preds = p.predictions.argmax(-1)
    return {"macro_f1": f1_score(p.label_ids, preds, average="macro")}


def main():
    with open("config.json") as fh:
        cfg = json.load(fh)

    if "WANDB_API_KEY" not in os.environ:
        raise SystemExit("export WANDB_API_KEY (see team vault) before training")
    wandb.login(key=os.environ["WANDB_API_KEY"])
    os.environ["WANDB_PROJECT"] = cfg["wandb_project"]

    ds = load_acl_arc(cfg["data_dir"])
    tok = AutoTokenizer.from_pretrained(cfg["model_name"])
    ds = ds.map(lambda b: tok(b["text"], truncation=True, max_length=cfg["max_length"]), batched=True)

    model = AutoModelForSequenceClassification.from_pretrained(
        cfg["model_name"], num_labels=len(INTENTS),
        id2label=dict(enumerate(INTENTS)), label2id={l: i for i, l in enumerate(INTENTS)},
    )
    args = TrainingArguments(
        output_dir=cfg["output_dir"],
        eval_strategy="epoch",
        save_strategy="epoch",
        load_best_model_at_end=True,
        metric_for_best_model="macro_f1",
        greater_is_better=True,
        save_total_limit=1,
        report_to="wandb",
        run_name="scibert-acl-arc-weighted",
        **cfg["args"],
    )
    trainer = WeightedTrainer(
        model=model,
        args=args,
        train_dataset=ds["train"],
        eval_dataset=ds["dev"],
        tokenizer=tok,
        data_collator=DataCollatorWithPadding(tok),
        compute_metrics=compute_metrics,
        class_weights=inverse_frequency_weights(ds["train"]["label"], len(INTENTS)),
    )
    trainer.train()

    out = trainer.predict(ds["test"])
    preds = out.predictions.argmax(-1)
    print(classification_report(out.label_ids, preds, target_names=INTENTS, digits=3))
    wandb.log({"test/macro_f1": f1_score(out.label_ids, preds, average="macro")})
    trainer.save_model(os.path.join(cfg["output_dir"], "best"))


if __name__ == "__main__":
    main()
