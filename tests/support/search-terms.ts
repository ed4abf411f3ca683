// Terms readers type, and the chapter that should come first. Shared by the search test and the
// benchmark, so the bench's expected column is exactly what the test asserts.
export const EXPECTED_FIRST: Record<string, string> = {
	SNI: 'Elastic Load Balancing',
	bastion: 'SSH on AWS',
	'hosted zone': 'Amazon Route 53',
	'read replica': 'Multi-AZ and read replicas',
	'connection pooling': 'Amazon RDS Proxy',
	'target tracking': 'Auto Scaling groups',
	'instance connect': 'EC2 Instance Connect',
	'cache-aside': 'RDS, Aurora and ElastiCache',
	'mount target': 'Amazon EFS',
	DDB: 'Amazon DynamoDB',
	GSI: 'Amazon DynamoDB',
	LSI: 'Amazon DynamoDB',
	RCU: 'Amazon DynamoDB',
	WCU: 'Amazon DynamoDB',
	DLQ: 'Messaging and events: SQS, SNS and EventBridge',
	FIFO: 'Messaging and events: SQS, SNS and EventBridge',
	'visibility timeout': 'Messaging and events: SQS, SNS and EventBridge',
	'fan-out': 'Messaging and events: SQS, SNS and EventBridge',
	'long polling': 'Messaging and events: SQS, SNS and EventBridge',
	TooManyRequestsException: 'AWS Lambda',
	'cold start': 'AWS Lambda',
	SAM: 'Infrastructure as code: CloudFormation, AWS SAM and AWS CDK',
	jitter: 'Writing resilient code against AWS APIs',
	'presigned URL': 'Amazon S3 for developers',
	'multipart upload': 'Amazon S3 for developers',
	'usage plan': 'Amazon API Gateway',
	shard: 'Streams and workflows: Kinesis, Data Firehose and Step Functions',
	GraphQL: 'AWS AppSync',
	'pipeline resolver': 'AWS AppSync',
	'DVA-C03': 'Exam guide map',
	C03: 'Exam guide map',
	'what changed': 'DVA-C02 → DVA-C03: what changed',
	'in scope': 'In-scope services',
	// The DVA-C03 chapters, each first for its own terms.
	Converse: 'Building with Amazon Bedrock',
	ApplyGuardrail: 'Securing AI in applications',
	Kiro: 'AI-assisted development: Kiro, code review, tests, pipelines and troubleshooting',
	'multi-stage build': 'Containers for developers: images, ECR, ECS and EKS',
	'readiness probe': 'Containers for developers: images, ECR, ECS and EKS',
	TestState: 'Testing on AWS: mocks, SAM, CDK, test events and test environments',
	'mock integration': 'Testing on AWS: mocks, SAM, CDK, test events and test environments',
	TypeDeserializer: 'Serializing data for AWS services',
	Athena: 'Amazon Athena for developers',
	'partition projection': 'Amazon Athena for developers',
	// Terms of the original notes that newer chapters used to push down, and a typo (corrected before searching).
	'instance store': 'Amazon EBS',
	'user data': 'Amazon Machine Images (AMIs)',
	'laod balancer': 'Elastic Load Balancing',
};

// Errors that several services raise: the chapters a reader may want must all be among the first three.
export const EXPECTED_AMONG_FIRST_THREE: Record<string, string[]> = {
	ProvisionedThroughputExceededException: ['Amazon DynamoDB', 'Streams and workflows: Kinesis, Data Firehose and Step Functions'],
};

// Terms that Pagefind, which ranks words rather than phrases, may rank below another chapter: a line above the results
// names the chapter the glossary says explains them.
export const EXPECTED_DEFINITION: Record<string, string> = {
	'target group': 'Elastic Load Balancing',
	'A record': 'DNS fundamentals',
	'hosted zones': 'Route 53',
};
