package io.sanjiaodi.interview.query.templates;

import io.sanjiaodi.platform.Refusal;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

@Service
public class TemplateQueries {

    private final MongoTemplate mongo;

    public TemplateQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public TemplateView get(String templateId) {
        TemplateView view = mongo.findById(templateId, TemplateView.class);
        if (view == null) {
            throw Refusal.notFound("TEMPLATE_NOT_FOUND", "no template " + templateId);
        }
        return view;
    }

    /** Only a published template may be copied into an interview. */
    public TemplateView published(String templateId) {
        TemplateView view = get(templateId);
        if (!view.published) {
            throw Refusal.conflict("TEMPLATE_NOT_PUBLISHED", "template " + templateId + " is still a draft");
        }
        return view;
    }

    public List<TemplateView> find(Integer year, String jurisdictionId) {
        Criteria criteria = new Criteria();
        if (year != null) {
            criteria.and("year").is(year);
        }
        if (jurisdictionId != null) {
            criteria.and("jurisdictionId").is(jurisdictionId);
        }
        return mongo.find(
                Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "year")).limit(500), TemplateView.class);
    }
}
