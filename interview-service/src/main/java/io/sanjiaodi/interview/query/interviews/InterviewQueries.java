package io.sanjiaodi.interview.query.interviews;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

@Service
public class InterviewQueries {

    private final MongoTemplate mongo;

    public InterviewQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<InterviewSummary> find(String interviewId) {
        return Optional.ofNullable(mongo.findById(interviewId, InterviewSummary.class));
    }

    public List<InterviewSummary> page(int page, int size) {
        return mongo.find(new Query().with(Sort.by("plannedDate", "_id")).skip((long) page * size).limit(size),
                InterviewSummary.class);
    }
}
