package io.sanjiaodi.interview.query.templates;

import io.sanjiaodi.contracts.template.ResponsibilityTemplatePublished.Item;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** Read model: a template of required actions, draft or published. */
@Document("templates")
public class TemplateView {
    @Id
    public String templateId;

    public int year;
    public String jurisdictionId;
    public String title;
    public boolean published;
    public List<Item> items = new ArrayList<>();
}
